//! Tag `Stickers` (1 operation): sticker pack upload forms.

mod get_stickers_form;

pub use get_stickers_form::{
    GetStickersForm, StickerPackFormUploadAttributes, StickerPackFormUploadItem,
};
