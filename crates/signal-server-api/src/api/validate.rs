//! Checks on user input, run in `Endpoint::body`/`path` before any I/O.

use transport_core::{Error, Result, Secret};

/// A registration id must be in 1‥=16383 (the server masks it with `0x3fff`).
pub(crate) fn registration_id(field: &str, id: u32) -> Result<()> {
    if id == 0 || id > 0x3fff {
        return Err(Error::invalid_input(
            field,
            format!("must be in 1..=16383, got {id}"),
        ));
    }
    Ok(())
}

/// A registration lock token is 64 hex characters.
pub(crate) fn registration_lock(field: &str, lock: &Secret) -> Result<()> {
    let value = lock.expose();
    if value.len() != 64 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::invalid_input(field, "must be 64 hex characters"));
    }
    Ok(())
}

/// An E.164 phone number: `+` and 1‥=15 digits, not starting with 0.
pub(crate) fn e164(field: &str, number: &str) -> Result<()> {
    let digits = number.strip_prefix('+').unwrap_or("");
    let ok = (1..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if !ok {
        return Err(Error::invalid_input(
            field,
            format!("`{number}` is not an E.164 number (+ and up to 15 digits)"),
        ));
    }
    Ok(())
}

/// A donation: a 3-letter currency code and an amount of at least 1 minor unit.
pub(crate) fn currency_amount(currency: &str, amount: u64) -> Result<()> {
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::invalid_input(
            "currency",
            format!("`{currency}` is not a 3-letter currency code"),
        ));
    }
    if amount == 0 {
        return Err(Error::invalid_input("amount", "must be at least 1"));
    }
    Ok(())
}

/// A length within `min..=max`.
pub(crate) fn len_range(field: &str, len: usize, min: usize, max: usize) -> Result<()> {
    if len < min || len > max {
        return Err(Error::invalid_input(
            field,
            format!("length must be in {min}..={max}, got {len}"),
        ));
    }
    Ok(())
}

/// An exact length.
pub(crate) fn exact_len(field: &str, len: usize, expected: usize) -> Result<()> {
    if len != expected {
        return Err(Error::invalid_input(
            field,
            format!("must be {expected} bytes, got {len}"),
        ));
    }
    Ok(())
}

/// A non-empty string.
pub(crate) fn not_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(field, "must not be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert!(registration_id("r", 1).is_ok());
        assert!(registration_id("r", 16383).is_ok());
        assert!(registration_id("r", 16384).is_err());
        assert!(e164("n", "+14155550100").is_ok());
        for bad in ["14155550100", "+", "+0123", "+1415555010012345", "+1 415"] {
            let err = e164("number", bad).unwrap_err().to_string();
            assert!(err.starts_with("invalid number:"), "{bad}: {err}");
        }
        assert!(len_range("x", 0, 1, 2).is_err());
        assert!(exact_len("x", 31, 32).is_err());
        assert!(not_empty("x", " ").is_err());
        assert!(currency_amount("EUR", 1).is_ok());
        assert!(currency_amount("EU", 1).is_err());
        assert!(currency_amount("E1R", 1).is_err());
        assert!(currency_amount("EUR", 0).is_err());
        assert!(registration_lock("l", &Secret::new("0".repeat(64))).is_ok());
        assert!(registration_lock("l", &Secret::new("g".repeat(64))).is_err());
    }
}
