//! [`FileReadyState`] (`readyState`).

transport_core::open_int_enum! {
    /// Whether a stored file can be downloaded (FileReadyStateEnum).
    pub enum FileReadyState: u32 {
        /// 0 NOT_AVAILABLE.
        NotAvailable = 0,
        /// 1 UPLOADING: subscribe to progress and wait.
        Uploading = 1,
        /// 2 READY: `downloadUrl` is set.
        Ready = 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let v: Vec<FileReadyState> = serde_json::from_str("[0,1,2,3]").unwrap();
        assert_eq!(
            v,
            [
                FileReadyState::NotAvailable,
                FileReadyState::Uploading,
                FileReadyState::Ready,
                FileReadyState::Unknown(3)
            ]
        );
    }
}
