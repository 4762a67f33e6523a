//! Locks that go on after a panic elsewhere. docent's locks guard caches (parsed files,
//! highlighted code, rendered fragments, folders made) and the dev server's current site;
//! each is updated by replacing whole entries, so a thread that panicked while holding one
//! left it consistent, at worst without its last entry. Recovering the guard is therefore
//! the right handling of poisoning here, and the only one: nothing in docent ignores a lock.

use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// `mutex.lock()`, recovering the guard from a poisoned lock.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `lock.read()`, recovering the guard from a poisoned lock.
pub fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

/// `lock.write()`, recovering the guard from a poisoned lock.
pub fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

/// `mutex.into_inner()`, recovering the value from a poisoned lock.
pub fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}
