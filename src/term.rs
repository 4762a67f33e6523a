//! Terminal output that never panics: when the reader is gone (`docent … | head`, a closed
//! terminal) or the disk is full, the output ends and the command goes on to its own exit
//! status. `println!` would panic there, and a panic exits with 101 after a good build.

use std::fmt;
use std::io::Write;

/// A line on standard output; a failed write is dropped.
pub fn out(args: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stdout().lock(), "{args}");
}

/// A line on standard error; a failed write is dropped.
pub fn err(args: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{args}");
}

/// `println!` that cannot panic.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => { $crate::term::out(format_args!($($arg)*)) };
}

/// `eprintln!` that cannot panic.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::term::err(format_args!($($arg)*)) };
}
