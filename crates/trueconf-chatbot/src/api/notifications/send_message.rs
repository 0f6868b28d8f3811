//! `sendMessage` notification — a new message arrived; the payload is an
//! [`Envelope`](crate::model::Envelope).

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::{EnvelopeContent, EnvelopeType};

    #[test]
    fn text_message() {
        let n = notification_sample(
            r#"{"method":"sendMessage","type":1,"id":1,"payload":{
                "chatId":"bd05af54347e04a1c44e70033d35834d4428bb5d",
                "messageId":"d8bdd362-2656-46ff-a1db-8dadd2b76250",
                "timestamp":1746028006345,
                "author":{"id":"brown@video.example.com","type":1},
                "type":200,
                "content":{"text":"What's up?","parseMode":"text"},
                "isEdited":false,
                "box":{"id":12,"position":"3"}
            }}"#,
        );
        let Notification::Message(e) = n else {
            panic!("not a message: {n:?}")
        };
        assert_eq!(e.text(), Some("What's up?"));
        assert_eq!(
            e.chat_id.as_ref().map(|c| c.as_str()),
            Some("bd05af54347e04a1c44e70033d35834d4428bb5d")
        );
    }

    #[test]
    fn system_envelope_title_change() {
        // Issues #7/#15: system envelopes for title/avatar changes must parse.
        let n = notification_sample(
            r#"{"method":"sendMessage","type":1,"id":2,"payload":{
                "chatId":"29bc","messageId":"m2","timestamp":1765115572804,
                "author":{"id":"video.example.com","type":0},
                "type":21,"content":{"title":"New title"},
                "isEdited":false,"box":{"id":13,"position":"0"}
            }}"#,
        );
        let Notification::Message(e) = n else {
            panic!("not a message")
        };
        assert_eq!(e.envelope_type(), EnvelopeType::EditChatTitle);
        assert!(
            matches!(&e.content, EnvelopeContent::ChatTitleChanged(t) if t.title == "New title")
        );
    }
}
