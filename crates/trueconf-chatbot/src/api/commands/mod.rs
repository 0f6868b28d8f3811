//! Command methods: `answerCommand`.

mod answer_command;

pub use answer_command::{AnswerCommand, CommandAnswer};
