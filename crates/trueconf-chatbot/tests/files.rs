//! File transfers: the three-stage upload and the download (waiting for someone else's
//! upload), with progress, and their errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::{Arc, Mutex};
use support::{code, next_delivery, setup};
use trueconf_chatbot::Error;
use trueconf_chatbot::api::http::{FileData, UploadFileContent};
use trueconf_chatbot::files::{FileUpload, Progress, ProgressCallback, TransferStage};
use trueconf_chatbot::model::{
    EnvelopeContent, ExtensionFilter, ExtensionMode, FileReadyState, FileUploadLimits, TextContent,
};

fn recorder() -> (Arc<Mutex<Vec<Progress>>>, ProgressCallback) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let callback: ProgressCallback = Arc::new(move |p| sink.lock().unwrap().push(p));
    (seen, callback)
}

#[tokio::test]
async fn upload_in_three_stages_with_progress() {
    let s = setup().await;
    let reply_to = s.alice.send_text(&s.chat, "send me the report").unwrap();
    let content = vec![42u8; 200_000];
    let (seen, callback) = recorder();
    let upload = FileUpload::new(FileData::new(
        "report.bin",
        "application/octet-stream",
        content.clone(),
    ))
    .caption(TextContent::plain("Here it is"))
    .reply_to(reply_to.clone());
    let upload = {
        let callback = Arc::clone(&callback);
        upload.on_progress(move |p| callback(p))
    };
    let sent = s.client.send_file(s.chat.clone(), upload).await.unwrap();

    // Stage by stage, as the server saw it.
    let methods: Vec<String> = s.server.requests().into_iter().map(|r| r.method).collect();
    let tail: Vec<&str> = methods
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(tail, ["uploadFile", "sendFile"]);
    let upload_file = s
        .server
        .requests()
        .into_iter()
        .find(|r| r.method == "uploadFile")
        .unwrap();
    assert_eq!(upload_file.payload["fileSize"], 200_000);
    assert_eq!(upload_file.payload["fileName"], "report.bin");
    assert!(
        s.server
            .http_requests()
            .iter()
            .any(|r| r.path == "/bridge/api/client/v1/files")
    );

    let (bytes, state) = s.server.file(&sent.file_id).unwrap();
    assert_eq!((bytes.len(), state), (200_000, FileReadyState::Ready));
    let messages = s.server.messages(&s.chat);
    let attachment = messages
        .iter()
        .find(|m| m.message_id == sent.message_id)
        .unwrap();
    assert!(
        matches!(&attachment.content, EnvelopeContent::Attachment(a) if a.name == "report.bin")
    );
    assert_eq!(attachment.reply_message_id.as_ref(), Some(&reply_to));
    assert!(sent.caption_message_id.is_some());

    // Progress: starts at 0, never goes back, ends at the total.
    let seen = seen.lock().unwrap().clone();
    assert!(seen.iter().all(|p| p.stage == TransferStage::Uploading));
    assert_eq!((seen[0].done, seen[0].total), (0, Some(200_000)));
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{seen:?}");
    assert_eq!(seen.last().unwrap().done, 200_000);
    assert!(seen.len() >= 4, "reported in chunks: {seen:?}");
    s.client.shutdown().await;
}

#[tokio::test]
async fn download_of_a_ready_file_with_progress() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    let (_, file_id) = s
        .alice
        .send_file(&s.chat, "photo.jpg", "image/jpeg", vec![9u8; 1234])
        .unwrap();
    let delivery = next_delivery(&mut updates).await;
    let EnvelopeContent::Attachment(attachment) = &delivery.message().unwrap().content else {
        panic!("not an attachment")
    };
    assert_eq!(attachment.file_id, file_id);
    let (seen, callback) = recorder();
    let bytes = s
        .client
        .download_file(attachment.file_id.clone(), Some(callback))
        .await
        .unwrap();
    assert_eq!(&bytes[..], &[9u8; 1234][..]);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            Progress::new(TransferStage::Downloading, 0, Some(1234)),
            Progress::new(TransferStage::Downloading, 1234, Some(1234)),
        ]
    );
    s.client.shutdown().await;
}

#[tokio::test]
async fn download_waits_for_someone_elses_upload() {
    let s = setup().await;
    let upload = s
        .alice
        .start_upload(&s.chat, "video.mp4", "video/mp4", vec![1u8; 1000])
        .unwrap();
    let (seen, callback) = recorder();
    let client = s.client.clone();
    let file = upload.file_id.clone();
    let download = tokio::spawn(async move { client.download_file(file, Some(callback)).await });
    // The client subscribes to the upload's progress and looks at the file once more (first
    // look, second look); then move the upload along.
    s.server.wait_for_requests("subscribeFileProgress", 1).await;
    s.server.wait_for_requests("getFileInfo", 2).await;
    upload.progress(400);
    upload.progress(800);
    upload.finish();
    let bytes = download.await.unwrap().unwrap();
    assert_eq!(bytes.len(), 1000);
    let methods: Vec<String> = s.server.requests().into_iter().map(|r| r.method).collect();
    let subscribe = methods
        .iter()
        .position(|m| m == "subscribeFileProgress")
        .unwrap();
    let unsubscribe = methods
        .iter()
        .position(|m| m == "unsubscribeFileProgress")
        .unwrap();
    assert!(subscribe < unsubscribe);
    let seen = seen.lock().unwrap().clone();
    let waiting: Vec<u64> = seen
        .iter()
        .filter(|p| p.stage == TransferStage::WaitingForUpload)
        .map(|p| p.done)
        .collect();
    assert!(
        waiting.first().is_some_and(|first| *first < 1000),
        "{waiting:?}"
    );
    assert_eq!(waiting.last(), Some(&1000));
    assert!(waiting.windows(2).all(|w| w[0] <= w[1]), "{waiting:?}");
    assert_eq!(seen.last().unwrap().stage, TransferStage::Downloading);
    s.client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn an_upload_that_stalls_ends_the_download_with_a_typed_error() {
    let s = setup().await;
    let upload = s
        .alice
        .start_upload(
            &s.chat,
            "stuck.bin",
            "application/octet-stream",
            vec![0u8; 10],
        )
        .unwrap();
    upload.progress(3);
    let err = s
        .client
        .download_file(upload.file_id.clone(), None)
        .await
        .unwrap_err();
    match err {
        Error::FileNotReady {
            file_id,
            state,
            reason,
        } => {
            assert_eq!(file_id, upload.file_id);
            assert_eq!(state, FileReadyState::Uploading);
            assert!(reason.contains("no progress"), "{reason}");
        }
        other => panic!("expected FileNotReady, got {other:?}"),
    }
    // The subscription was cleaned up.
    assert!(
        s.server
            .requests()
            .iter()
            .any(|r| r.method == "unsubscribeFileProgress")
    );
    s.client.shutdown().await;
}

#[tokio::test]
async fn upload_errors() {
    let s = setup().await;
    // The server's limits, checked by the server (310) ...
    s.server.set_upload_limits(FileUploadLimits::new(Some(4)));
    let too_big = FileUpload::new(FileData::new("a.txt", "text/plain", &b"12345"[..]));
    assert_eq!(
        code(s.client.send_file(s.chat.clone(), too_big.clone()).await),
        310
    );
    // ... and by the client before any I/O when it is given them.
    let requests = s.server.requests().len();
    let limits = FileUploadLimits::new(Some(4)).with_extensions(ExtensionFilter::new(
        ExtensionMode::Allow,
        vec!["txt".into()],
    ));
    let err = s
        .client
        .send_file(s.chat.clone(), too_big.limits(limits.clone()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Validation { ref method, .. } if method == "uploadFile"),
        "{err:?}"
    );
    let wrong_kind =
        FileUpload::new(FileData::new("a.exe", "application/x", &b"1"[..])).limits(limits);
    assert!(
        s.client
            .send_file(s.chat.clone(), wrong_kind)
            .await
            .is_err()
    );
    assert_eq!(s.server.requests().len(), requests, "nothing was sent");

    // The HTTP stage with an unknown task: 400 with the file error code.
    let err = s
        .client
        .http()
        .send(&UploadFileContent::new(
            "task-unknown",
            FileData::new("a", "text/plain", &b"x"[..]),
        ))
        .await
        .unwrap_err();
    let err = Error::from(err);
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.http_error_body().unwrap().code(), Some(407));
    // A chat the bot is not in: the upload happens, sendFile says 305.
    let theirs = s
        .alice
        .call(&trueconf_chatbot::api::chats::CreateGroupChat::new(
            "Theirs",
        ))
        .unwrap()
        .chat_id;
    let file = FileUpload::new(FileData::new("a.txt", "text/plain", &b"123"[..]));
    s.server.set_upload_limits(FileUploadLimits::default());
    assert_eq!(code(s.client.send_file(theirs, file).await), 305);
    s.client.shutdown().await;
}

#[tokio::test]
async fn download_errors() {
    let s = setup().await;
    assert_eq!(
        code(s.client.download_file("file-unknown", None).await),
        308
    );
    s.client.shutdown().await;
}
