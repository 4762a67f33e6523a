//! docent: a static site generator for bilingual technical courses.
//!
//! Data flows one way: `content/` is loaded into a [`course::Course`], each chapter file is
//! rendered once ([`markdown`]), pages are rendered from those ([`render`]) into an in-memory
//! [`site::Site`], which is then written atomically (or served, or bundled).

pub mod audit;
pub mod build;
pub mod bundle;
pub mod check;
pub mod code_spans;
pub mod config;
pub mod course;
pub mod dockerfile;
pub mod error;
pub mod frontmatter;
pub mod fsx;
pub mod history;
pub mod i18n;
pub mod import;
pub mod init;
pub mod languages;
pub mod load;
pub mod markdown;
pub mod outline;
pub mod output;
pub mod place;
pub mod plural;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod sync;
pub mod term;
pub mod theme;
pub mod translate;

pub use build::{Build, build, build_to};
pub use error::{Diagnostic, Error, Result, Severity};
