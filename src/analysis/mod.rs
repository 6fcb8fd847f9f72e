//! The two other questions users bring, answered from the same vectors:
//! which proposals duplicate each other, and how broad agreement on a topic is.

pub mod agreement;
pub mod duplicates;

pub use agreement::{agreement, Agreement, AgreementOptions, StanceCounts};
pub use duplicates::{duplicates, DuplicateOptions, Duplicates};
mod html;
mod markdown;
pub use html::agreement_html;
pub use markdown::{agreement_markdown, duplicates_markdown};
