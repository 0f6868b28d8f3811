//! `getFileUploadLimits` notification — the admin changed the upload limits (5.5.3+); the
//! payload is [`FileUploadLimits`](crate::model::FileUploadLimits), as in the response of the
//! request of the same name.

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;

    #[test]
    fn pushed_limits() {
        let n = notification_sample(
            r#"{"method":"getFileUploadLimits","type":1,"id":6,"payload":{
                "maxSize":52428800,"extensions":{"mode":"allow","list":["pdf","png"]}}}"#,
        );
        let Notification::UploadLimitsChanged(limits) = n else {
            panic!("wrong kind")
        };
        assert_eq!(limits.max_size, Some(52_428_800));
        assert_eq!(limits.extensions.map(|e| e.list.len()), Some(2));
    }
}
