//! Enums of `answerCommand`: [`AnswerType`], [`CommandStatus`], [`CommandVisibility`],
//! [`CommandLevel`].

transport_core::open_string_enum! {
    /// How a command (button press) is answered (`answerType`).
    pub enum AnswerType {
        /// `complete`.
        Complete = "complete",
        /// `timeout`.
        Timeout = "timeout",
        /// `cancel`.
        Cancel = "cancel",
        /// `message`.
        Message = "message",
    }
}

transport_core::open_string_enum! {
    /// The status shown with a command answer (`message.status`).
    pub enum CommandStatus {
        /// `unknown`.
        Unknown = "unknown",
        /// `pending`.
        Pending = "pending",
        /// `running`.
        Running = "running",
        /// `ok`.
        Ok = "ok",
        /// `failed`.
        Failed = "failed",
        /// `canceled`.
        Canceled = "canceled",
        /// `timeout`.
        Timeout = "timeout",
    }
}

transport_core::open_string_enum! {
    /// How a command answer is displayed (`message.visibility`).
    pub enum CommandVisibility {
        /// `default`.
        Default = "default",
        /// `toast`.
        Toast = "toast",
        /// `sticky`.
        Sticky = "sticky",
        /// `alert`.
        Alert = "alert",
    }
}

transport_core::open_string_enum! {
    /// The severity of a command answer (`message.level`).
    pub enum CommandLevel {
        /// `info`.
        Info = "info",
        /// `warning`.
        Warning = "warning",
        /// `error`.
        Error = "error",
        /// `critical`.
        Critical = "critical",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_unknowns() {
        assert_eq!(AnswerType::from("cancel"), AnswerType::Cancel);
        assert_eq!(CommandStatus::from("ok"), CommandStatus::Ok);
        assert_eq!(CommandVisibility::from("toast"), CommandVisibility::Toast);
        assert_eq!(CommandLevel::from("critical"), CommandLevel::Critical);
        let other: CommandLevel = serde_json::from_str("\"debug\"").unwrap();
        assert_eq!(other, CommandLevel::Other("debug".into()));
        assert_eq!(serde_json::to_string(&other).unwrap(), "\"debug\"");
    }
}
