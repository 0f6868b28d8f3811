//! Every request method against the fake server: one success and one error each.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{code, setup};
use trueconf_chatbot::api::chats::{
    ChangeParticipantRole, ClearHistory, CreateChannel, CreateFavoritesChat, CreateGroupChat,
    EditChatAvatar, EditChatTitle, GetChatParticipant, GetChatParticipants, GetChats,
    HasChatParticipant, RemoveChat,
};
use trueconf_chatbot::api::commands::{AnswerCommand, CommandAnswer};
use trueconf_chatbot::api::files::{
    FileMessageContent, GetFileInfo, GetFileUploadLimits, SendFile, SubscribeFileProgress,
    UnsubscribeFileProgress, UploadFile,
};
use trueconf_chatbot::api::http::FileData;
use trueconf_chatbot::api::messages::{GetChatHistory, SendChatActivity};
use trueconf_chatbot::api::surveys::{EditSurvey, SendSurvey, SurveyEdit};
use trueconf_chatbot::files::FileUpload;
use trueconf_chatbot::model::{
    ActivityType, AnswerType, ChatId, ChatType, EnvelopeContent, ErrorCode, FileId, FileReadyState,
    FileUploadLimits, MessageId, Role, SurveyContent, TextContent, UserId,
};
use trueconf_chatbot::{Client, Error};

#[tokio::test]
async fn get_user_display_name() {
    let s = setup().await;
    let name = s
        .client
        .display_name(s.server.user_id("alice"))
        .await
        .unwrap();
    assert_eq!(name.display_name, "Alice");
    assert_eq!(
        code(s.client.display_name("nobody@video.example.com").await),
        302
    );
}

#[tokio::test]
async fn auth_with_a_token_the_server_does_not_know() {
    let s = setup().await;
    // Well-formed and unexpired (`exp` in 2100), but not issued by this server.
    let err = s
        .server
        .client_base()
        .token("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln")
        .connect()
        .await
        .unwrap_err();
    assert_eq!(code::<()>(Err(err)), 201);
    // A token the server issued works.
    let issued = s.server.issue_token("bot");
    let ok = s
        .server
        .client_base()
        .token(issued)
        .connect()
        .await
        .unwrap();
    assert!(ok.is_me("bot@video.example.com"));
    ok.shutdown().await;
}

#[tokio::test]
async fn create_p2p_chat() {
    let s = setup().await;
    let chat = s.server.chat(&s.chat).unwrap();
    assert_eq!(chat.kind, ChatType::P2p);
    assert_eq!(chat.participants.len(), 2);
    // Creating it again returns the same chat.
    let again = s.client.create_p2p_chat("alice").await.unwrap();
    assert_eq!(again.chat_id, s.chat);
    assert_eq!(code(s.client.create_p2p_chat("nobody").await), 302);
}

#[tokio::test]
async fn create_group_chat() {
    let s = setup().await;
    let created = s.client.create_group_chat("Team").await.unwrap();
    let chat = s.server.chat(&created.chat_id).unwrap();
    assert_eq!((chat.kind, chat.title.as_str()), (ChatType::Group, "Team"));
    assert_eq!(chat.participants["bot@video.example.com"], Role::Owner);
    // Both title fields go out (docs: `name`, official client: `title`).
    let request = s
        .server
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.method == "createGroupChat")
        .unwrap();
    assert_eq!(request.payload["name"], "Team");
    assert_eq!(request.payload["title"], "Team");
    s.server
        .fail_next("createGroupChat", ErrorCode::InternalError);
    assert_eq!(
        code(s.client.call(CreateGroupChat::new("Again")).await),
        300
    );
}

#[tokio::test]
async fn create_channel() {
    let s = setup().await;
    let created = s.client.call(CreateChannel::new("News")).await.unwrap();
    assert_eq!(
        s.server.chat(&created.chat_id).unwrap().kind,
        ChatType::Channel
    );
    s.server.fail_next("createChannel", ErrorCode::AccessDenied);
    assert_eq!(code(s.client.create_channel("News 2").await), 302);
}

#[tokio::test]
async fn create_favorites_chat() {
    let s = setup().await;
    let first = s.client.call(CreateFavoritesChat::new()).await.unwrap();
    let second = s.client.call(CreateFavoritesChat::new()).await.unwrap();
    assert_eq!(first.chat_id, second.chat_id);
    assert_eq!(
        s.server.chat(&first.chat_id).unwrap().kind,
        ChatType::Favorites
    );
    s.server
        .fail_next("createFavoritesChat", ErrorCode::InternalError);
    assert_eq!(code(s.client.call(CreateFavoritesChat::new()).await), 300);
}

#[tokio::test]
async fn edit_chat_title() {
    let s = setup().await;
    let group = s.client.create_group_chat("Old").await.unwrap().chat_id;
    let result = s
        .client
        .call(EditChatTitle::new(group.clone(), "New"))
        .await
        .unwrap();
    assert_eq!(result.chat_id, group);
    assert_eq!(s.server.chat(&group).unwrap().title, "New");
    // A personal chat has no title to edit.
    assert_eq!(
        code(s.client.call(EditChatTitle::new(s.chat.clone(), "x")).await),
        303
    );
}

#[tokio::test]
async fn edit_chat_avatar() {
    let s = setup().await;
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    let temporal = s
        .client
        .upload_file(FileUpload::new(FileData::new(
            "a.png",
            "image/png",
            vec![1u8, 2, 3],
        )))
        .await
        .unwrap();
    let result = s
        .client
        .call(EditChatAvatar::new(group.clone(), Some(temporal.clone())))
        .await
        .unwrap();
    assert_eq!(result.chat_id.as_ref(), Some(&group));
    assert!(
        s.server
            .chat(&group)
            .unwrap()
            .avatar_url
            .unwrap()
            .ends_with(&temporal)
    );
    assert_eq!(
        code(
            s.client
                .call(EditChatAvatar::new(group, Some("tmp-unknown".into())))
                .await
        ),
        308
    );
}

#[tokio::test]
async fn clear_history() {
    let s = setup().await;
    s.client.send_text(s.chat.clone(), "one").await.unwrap();
    s.client
        .call(ClearHistory::new(s.chat.clone(), true))
        .await
        .unwrap();
    assert!(s.server.messages(&s.chat).is_empty());
    assert_eq!(
        code(
            s.client
                .call(ClearHistory::new(ChatId::new("nope"), true))
                .await
        ),
        304
    );
}

#[tokio::test]
async fn remove_chat() {
    let s = setup().await;
    let group = s.client.create_group_chat("Temp").await.unwrap().chat_id;
    let removed = s.client.call(RemoveChat::new(group.clone())).await.unwrap();
    // Like real servers, the answer carries no chatId.
    assert_eq!(removed.chat_id, None);
    assert!(s.server.chat(&group).is_none());
    assert_eq!(code(s.client.call(RemoveChat::new(group)).await), 304);
}

#[tokio::test]
async fn add_chat_participant() {
    let s = setup().await;
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    s.client
        .add_participant(group.clone(), "alice")
        .await
        .unwrap();
    assert_eq!(
        s.server.chat(&group).unwrap().participants["alice@video.example.com"],
        Role::User
    );
    assert_eq!(code(s.client.add_participant(group, "alice").await), 309);
}

#[tokio::test]
async fn remove_chat_participant() {
    let s = setup().await;
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    s.client
        .add_participant(group.clone(), "alice")
        .await
        .unwrap();
    s.client
        .remove_participant(group.clone(), "alice")
        .await
        .unwrap();
    assert!(
        !s.server
            .chat(&group)
            .unwrap()
            .participants
            .contains_key("alice@video.example.com")
    );
    assert_eq!(code(s.client.remove_participant(group, "alice").await), 305);
}

#[tokio::test]
async fn change_participant_role() {
    let s = setup().await;
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    s.client
        .add_participant(group.clone(), "alice")
        .await
        .unwrap();
    let alice = s.server.user_id("alice");
    s.client
        .call(ChangeParticipantRole::new(
            group.clone(),
            alice.clone(),
            Role::Admin,
        ))
        .await
        .unwrap();
    assert_eq!(
        s.server.chat(&group).unwrap().participants[alice.as_str()],
        Role::Admin
    );
    let unknown_role = ChangeParticipantRole::new(group, alice, Role::Other("emperor".into()));
    assert_eq!(code(s.client.call(unknown_role).await), 312);
}

#[tokio::test]
async fn get_chat_by_id() {
    let s = setup().await;
    s.alice.send_text(&s.chat, "hi").unwrap();
    let chat = s.client.chat(s.chat.clone()).await.unwrap();
    assert_eq!(chat.chat_type, ChatType::P2p);
    assert_eq!(chat.title.as_deref(), Some("Alice"));
    assert_eq!(chat.last_message.unwrap().text(), Some("hi"));
    assert_eq!(code(s.client.chat("nope").await), 304);
}

#[tokio::test]
async fn get_chats() {
    let s = setup().await;
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    let chats = s.client.chats(10, 1).await.unwrap();
    let ids: Vec<&ChatId> = chats.iter().map(|c| &c.chat_id).collect();
    assert_eq!(ids, [&s.chat, &group]);
    assert_eq!(s.client.chats(1, 2).await.unwrap()[0].chat_id, group);
    assert!(s.client.chats(10, 3).await.unwrap().is_empty());
    s.server.fail_next("getChats", ErrorCode::Timeout);
    let err = s.client.call(GetChats::new(10, 1)).await.unwrap_err();
    assert!(err.is_transient(), "{err}");
    assert_eq!(err.api_code(), Some(ErrorCode::Timeout));
}

#[tokio::test]
async fn get_chat_participant() {
    let s = setup().await;
    let alice = s.server.user_id("alice");
    let p = s
        .client
        .call(GetChatParticipant::new(s.chat.clone(), alice.clone()))
        .await
        .unwrap();
    assert_eq!((p.user_id, p.role), (alice, Role::User));
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    let missing = GetChatParticipant::new(group, s.server.user_id("alice"));
    assert_eq!(code(s.client.call(missing).await), 305);
}

#[tokio::test]
async fn get_chat_participants() {
    let s = setup().await;
    let list = s
        .client
        .call(GetChatParticipants::new(s.chat.clone(), 10, 1))
        .await
        .unwrap();
    let mut ids: Vec<&str> = list
        .participants
        .iter()
        .map(|p| p.user_id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["alice@video.example.com", "bot@video.example.com"]);
    let one = s
        .client
        .call(GetChatParticipants::new(s.chat.clone(), 1, 2))
        .await
        .unwrap();
    assert_eq!(one.participants.len(), 1);
    assert_eq!(
        code(
            s.client
                .call(GetChatParticipants::new(ChatId::new("x"), 10, 1))
                .await
        ),
        304
    );
}

#[tokio::test]
async fn has_chat_participant() {
    let s = setup().await;
    let yes = s
        .client
        .call(HasChatParticipant::new(
            s.chat.clone(),
            UserId::new("alice"),
        ))
        .await
        .unwrap();
    assert!(yes.result);
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    let no = s
        .client
        .call(HasChatParticipant::new(group, UserId::new("alice")))
        .await
        .unwrap();
    assert!(!no.result);
    assert_eq!(
        code(
            s.client
                .call(HasChatParticipant::new(
                    ChatId::new("x"),
                    UserId::new("alice")
                ))
                .await
        ),
        304
    );
}

#[tokio::test]
async fn send_message() {
    let s = setup().await;
    let sent = s.client.send_text(s.chat.clone(), "Hello").await.unwrap();
    assert_eq!(sent.chat_id, s.chat);
    let stored = s.server.messages(&s.chat);
    assert_eq!(stored[0].message_id, sent.message_id);
    assert_eq!(stored[0].text(), Some("Hello"));
    // A chat the bot is not in.
    let theirs = s
        .alice
        .call(&CreateGroupChat::new("Private"))
        .unwrap()
        .chat_id;
    assert_eq!(code(s.client.send_text(theirs, "x").await), 305);
}

#[tokio::test]
async fn edit_message() {
    let s = setup().await;
    let sent = s.client.send_text(s.chat.clone(), "typo").await.unwrap();
    let edited = s
        .client
        .edit_message(sent.message_id.clone(), TextContent::plain("fixed"))
        .await
        .unwrap();
    assert_eq!(edited.message_id, sent.message_id);
    let stored = &s.server.messages(&s.chat)[0];
    assert_eq!(
        (stored.text(), stored.is_edited),
        (Some("fixed"), Some(true))
    );
    assert_eq!(
        code(
            s.client
                .edit_message("msg-nope", TextContent::plain("x"))
                .await
        ),
        306
    );
}

#[tokio::test]
async fn remove_message() {
    let s = setup().await;
    let sent = s.client.send_text(s.chat.clone(), "oops").await.unwrap();
    s.client
        .remove_message(sent.message_id.clone(), true)
        .await
        .unwrap();
    assert!(s.server.messages(&s.chat).is_empty());
    assert_eq!(
        code(s.client.remove_message(sent.message_id, true).await),
        306
    );
}

#[tokio::test]
async fn forward_message() {
    let s = setup().await;
    let original = s.alice.send_text(&s.chat, "fwd me").unwrap();
    let group = s.client.create_group_chat("G").await.unwrap().chat_id;
    let forwarded = s
        .client
        .forward_message(original.clone(), group.clone())
        .await
        .unwrap();
    let stored = &s.server.messages(&group)[0];
    assert_eq!(stored.message_id, forwarded.message_id);
    let EnvelopeContent::Forwarded(inner) = &stored.content else {
        panic!("not a forward: {stored:?}")
    };
    assert_eq!(inner.text(), Some("fwd me"));
    assert_eq!(code(s.client.forward_message(original, "nope").await), 304);
}

#[tokio::test]
async fn get_chat_history() {
    let s = setup().await;
    for text in ["a", "b", "c"] {
        s.alice.send_text(&s.chat, text).unwrap();
    }
    let history = s.client.chat_history(s.chat.clone(), 2).await.unwrap();
    let texts: Vec<_> = history.messages.iter().map(|m| m.text().unwrap()).collect();
    assert_eq!(texts, ["b", "c"]);
    assert_eq!(history.count, 2);
    let older = s
        .client
        .call(
            GetChatHistory::new(s.chat.clone(), 10)
                .from_message(history.messages[0].message_id.clone()),
        )
        .await
        .unwrap();
    assert_eq!(older.messages.len(), 1);
    assert_eq!(older.messages[0].text(), Some("a"));
    let bad = GetChatHistory::new(s.chat.clone(), 10).from_message(MessageId::new("nope"));
    assert_eq!(code(s.client.call(bad).await), 306);
}

#[tokio::test]
async fn get_message_by_id() {
    let s = setup().await;
    let id = s.alice.send_text(&s.chat, "find me").unwrap();
    let message = s.client.message(id.clone()).await.unwrap();
    assert_eq!(
        (message.text(), message.chat_id.as_ref()),
        (Some("find me"), Some(&s.chat))
    );
    assert_eq!(message.author.id, "alice@video.example.com");
    assert_eq!(code(s.client.message("msg-0").await), 306);
}

#[tokio::test]
async fn send_chat_activity() {
    let s = setup().await;
    let activity = s
        .client
        .call(SendChatActivity::new(s.chat.clone(), ActivityType::Typing))
        .await
        .unwrap();
    assert_eq!(
        activity.retry_after_duration(),
        Some(std::time::Duration::from_secs(3))
    );
    assert_eq!(activity.activity_type, ActivityType::Typing);
    assert_eq!(
        code(
            s.client
                .call(SendChatActivity::new(
                    ChatId::new("x"),
                    ActivityType::Typing
                ))
                .await
        ),
        304
    );
}

#[tokio::test]
async fn answer_command() {
    let s = setup().await;
    let sent = s.client.send_text(s.chat.clone(), "Press").await.unwrap();
    let command_id = s.alice.press_button(&sent.message_id, "/go").unwrap();
    let answer = AnswerCommand::new(
        command_id.clone(),
        AnswerType::Complete,
        CommandAnswer::new("done"),
    );
    s.client.call(answer).await.unwrap();
    let answers = s.server.command_answers();
    assert_eq!(answers[0].command_id, command_id);
    assert_eq!(answers[0].message.text, "done");
    let unknown = AnswerCommand::new("cmd-x", AnswerType::Cancel, CommandAnswer::new("no"));
    assert_eq!(code(s.client.call(unknown).await), 307);
}

#[tokio::test]
async fn upload_file() {
    let s = setup().await;
    let task = s.client.call(UploadFile::new("a.txt", 10)).await.unwrap();
    assert!(
        task.upload_task_id.starts_with("task-"),
        "{}",
        task.upload_task_id
    );
    s.server.set_upload_limits(FileUploadLimits::new(Some(5)));
    assert_eq!(code(s.client.call(UploadFile::new("a.txt", 10)).await), 310);
}

#[tokio::test]
async fn send_file() {
    let s = setup().await;
    let temporal = s
        .client
        .upload_file(FileUpload::new(FileData::new(
            "doc.txt",
            "text/plain",
            &b"content"[..],
        )))
        .await
        .unwrap();
    let content = FileMessageContent::new(temporal).with_caption(TextContent::plain("caption"));
    let sent = s
        .client
        .call(SendFile::new(s.chat.clone(), content))
        .await
        .unwrap();
    let (bytes, state) = s.server.file(&sent.file_id).unwrap();
    assert_eq!(
        (&bytes[..], state),
        (&b"content"[..], FileReadyState::Ready)
    );
    let messages = s.server.messages(&s.chat);
    assert_eq!(messages.len(), 2);
    assert_eq!(
        Some(&messages[1].message_id),
        sent.caption_message_id.as_ref()
    );
    let unknown = SendFile::new(s.chat.clone(), FileMessageContent::new("tmp-unknown"));
    assert_eq!(code(s.client.call(unknown).await), 308);
}

#[tokio::test]
async fn get_file_info() {
    let s = setup().await;
    let (_, file) = s
        .alice
        .send_file(&s.chat, "pic.jpg", "image/jpeg", vec![7u8; 100])
        .unwrap();
    let info = s.client.call(GetFileInfo::new(file.clone())).await.unwrap();
    assert_eq!(
        (info.name.as_str(), info.size, info.ready_state),
        ("pic.jpg", 100, FileReadyState::Ready)
    );
    assert!(info.download_url.unwrap().starts_with(s.server.base_url()));
    assert_eq!(info.file_id, Some(file));
    assert_eq!(code(s.client.file_info("file-nope").await), 308);
}

#[tokio::test]
async fn subscribe_and_unsubscribe_file_progress() {
    let s = setup().await;
    let upload = s
        .alice
        .start_upload(
            &s.chat,
            "big.bin",
            "application/octet-stream",
            vec![0u8; 64],
        )
        .unwrap();
    let subscribed = s
        .client
        .call(SubscribeFileProgress::new(upload.file_id.clone()))
        .await
        .unwrap();
    assert!(subscribed.result);
    s.client
        .call(UnsubscribeFileProgress::new(upload.file_id.clone()))
        .await
        .unwrap();
    let unknown = FileId::new("file-nope");
    assert_eq!(
        code(
            s.client
                .call(SubscribeFileProgress::new(unknown.clone()))
                .await
        ),
        308
    );
    assert_eq!(
        code(s.client.call(UnsubscribeFileProgress::new(unknown)).await),
        308
    );
}

#[tokio::test]
async fn get_file_upload_limits() {
    let s = setup().await;
    assert_eq!(
        s.client.call(GetFileUploadLimits::new()).await.unwrap(),
        FileUploadLimits::default()
    );
    s.server
        .set_upload_limits(FileUploadLimits::new(Some(1024)));
    let limits = s.client.call(GetFileUploadLimits::new()).await.unwrap();
    assert_eq!(limits.max_size, Some(1024));
    s.server
        .fail_next("getFileUploadLimits", ErrorCode::InternalError);
    assert_eq!(code(s.client.call(GetFileUploadLimits::new()).await), 300);
}

fn survey() -> SurveyContent {
    let mut survey = SurveyContent::new("https://video.example.com/webtools/survey", "Lunch?");
    survey.app_version = Some(1);
    survey
}

#[tokio::test]
async fn send_survey() {
    let s = setup().await;
    let sent = s
        .client
        .call(SendSurvey::new(s.chat.clone(), survey()))
        .await
        .unwrap();
    let stored = &s.server.messages(&s.chat)[0];
    assert_eq!(stored.message_id, sent.message_id);
    assert!(matches!(&stored.content, EnvelopeContent::Survey(c) if c.title == "Lunch?"));
    assert_eq!(
        code(
            s.client
                .call(SendSurvey::new(ChatId::new("x"), survey()))
                .await
        ),
        304
    );
}

#[tokio::test]
async fn edit_survey() {
    let s = setup().await;
    let sent = s
        .client
        .call(SendSurvey::new(s.chat.clone(), survey()))
        .await
        .unwrap();
    let mut edit = SurveyEdit::default();
    edit.title = Some("Dinner?".into());
    let edited = s
        .client
        .call(EditSurvey::new(sent.message_id.clone(), edit.clone()))
        .await
        .unwrap();
    assert_eq!(edited.message_id, sent.message_id);
    assert!(
        matches!(&s.server.messages(&s.chat)[0].content, EnvelopeContent::Survey(c) if c.title == "Dinner?")
    );
    assert_eq!(
        code(
            s.client
                .call(EditSurvey::new(MessageId::new("nope"), edit))
                .await
        ),
        306
    );
}

#[tokio::test]
async fn unknown_methods_are_refused_with_route_not_found() {
    /// A method this crate does not define, sent through the generic `call`.
    #[derive(serde::Serialize)]
    struct Future {
        x: u32,
    }
    impl trueconf_chatbot::Method for Future {
        const NAME: &'static str = "methodFromTheFuture";
        type Response = serde_json::Value;
    }
    let s = setup().await;
    let err: Error = s.client.call(Future { x: 1 }).await.unwrap_err();
    assert_eq!(err.api_code(), Some(ErrorCode::RouteNotFound));
    assert_eq!(
        err.to_string(),
        "`methodFromTheFuture` failed with error 104 ROUTE_NOT_FOUND: unknown method"
    );
    let _: &Client = &s.client;
}

#[tokio::test]
async fn call_all_pipelines_a_batch_and_checks_it_first() {
    use trueconf_chatbot::api::messages::SendMessage;
    let s = setup().await;
    let before = s.server.requests().len();

    // One invalid request (over 4096 characters): nothing at all is sent.
    let batch = vec![
        SendMessage::new(s.chat.clone(), TextContent::plain("fine")),
        SendMessage::new(s.chat.clone(), TextContent::plain("x".repeat(4097))),
    ];
    let Err(Error::Validation { method, .. }) = s.client.call_all(batch) else {
        panic!("expected a validation error")
    };
    assert_eq!(method, "sendMessage");
    assert_eq!(s.server.requests().len(), before);

    // 50 messages to the chat and one to a chat that does not exist: one result each, by index.
    let mut batch: Vec<SendMessage> = (0..50)
        .map(|i| SendMessage::new(s.chat.clone(), TextContent::plain(format!("#{i}"))))
        .collect();
    batch.insert(
        7,
        SendMessage::new(ChatId::new("no-such-chat"), TextContent::plain("?")),
    );
    let mut results = s.client.call_all(batch).unwrap();
    let mut answered = Vec::new();
    let mut refused = Vec::new();
    while let Some((index, result)) = results.recv().await {
        match result {
            Ok(sent) => answered.push((index, sent.message_id)),
            Err(error) => refused.push((index, code::<()>(Err(error)))),
        }
    }
    assert_eq!(refused, [(7, 304)]);
    answered.sort_by_key(|(index, _)| *index);
    assert_eq!(answered.len(), 50);
    let stored = s.server.messages(&s.chat);
    let texts: Vec<String> = stored
        .iter()
        .filter_map(|m| m.text())
        .map(str::to_owned)
        .collect();
    assert_eq!(texts, (0..50).map(|i| format!("#{i}")).collect::<Vec<_>>());
    // The indexes map to the right answers: request 8 (after the inserted one) was "#7".
    let eighth = &answered.iter().find(|(index, _)| *index == 8).unwrap().1;
    let message = stored.iter().find(|m| &m.message_id == eighth).unwrap();
    assert_eq!(message.text(), Some("#7"));
}
