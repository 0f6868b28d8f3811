//! Survey (poll) methods: `sendSurvey`, `editSurvey`.

mod edit_survey;
mod send_survey;

pub use edit_survey::{EditSurvey, EditedSurvey, SurveyEdit};
pub use send_survey::{SendSurvey, SentSurvey};
