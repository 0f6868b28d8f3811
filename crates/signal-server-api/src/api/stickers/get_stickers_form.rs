//! `GET /v1/sticker/pack/form/{count}` — upload forms for a sticker pack.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::UploadForm;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, HeaderMap, Method, RawResponse};

/// `GET /v1/sticker/pack/form/{count}` (`getStickersForm`) — upload forms for a sticker pack.
///
/// One form for the manifest and one per sticker (1‥=201 stickers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetStickersForm {
    /// How many stickers the pack has.
    pub count: u32,
}

impl GetStickersForm {
    /// Forms for `count` stickers.
    pub fn new(count: u32) -> Self {
        Self { count }
    }
}

/// The spec's `StickerPackFormUploadAttributes`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StickerPackFormUploadAttributes {
    /// The form for the manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<StickerPackFormUploadItem>,
    /// The forms for the stickers.
    #[serde(default)]
    pub stickers: Vec<StickerPackFormUploadItem>,
    /// The pack id (hex).
    #[serde(default)]
    pub pack_id: String,
}

/// The spec's `StickerPackFormUploadItem`: one signed upload form. `Debug` never shows the
/// credential or signature.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StickerPackFormUploadItem {
    /// The sticker number (-1 for the manifest).
    #[serde(default)]
    pub id: i32,
    /// The signed form fields.
    #[serde(flatten)]
    pub form: UploadForm,
}

impl Endpoint for GetStickersForm {
    type Response = StickerPackFormUploadAttributes;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/sticker/pack/form/{}", self.count).into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        crate::api::validate::len_range("count", self.count as usize, 1, 201)?;
        Ok(HeaderMap::new())
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetStickersForm {
    const INFO: OperationInfo = OperationInfo::new(
        "getStickersForm",
        "Stickers",
        Self::METHOD,
        "/v1/sticker/pack/form/{count}",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetStickersForm::new(2);
        assert_consistent(&op);
        assert_eq!(op.path(), "/v1/sticker/pack/form/2");
        assert!(GetStickersForm::new(0).headers().is_err());
        assert!(GetStickersForm::new(202).headers().is_err());
        let r = parse(
            &op,
            200,
            r#"{"packId":"abcd","manifest":{"id":-1,"key":"stickers/abcd/manifest.proto","signature":"sig"},"stickers":[{"id":0,"key":"stickers/abcd/full/0"},{"id":1,"key":"stickers/abcd/full/1"}]}"#,
        )
        .unwrap();
        assert_eq!(r.pack_id, "abcd");
        assert_eq!(r.manifest.unwrap().id, -1);
        assert_eq!(r.stickers.len(), 2);
    }
}
