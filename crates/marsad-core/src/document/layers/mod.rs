//! The layer types: one file per stage family, each holding what its stages add to a
//! [`Document`](super::Document). Stages fill them; renderers and evaluation read them.

pub mod claims;
pub mod entities;
pub mod events;
pub mod pos;
pub mod quantity;
pub mod techniques;
pub mod text;
pub mod time;
pub mod tone;
