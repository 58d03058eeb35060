//! The model: plain types and small pure methods. Imports nothing from the rest of the crate.

pub mod amendment;
pub mod deadline;
pub mod id;
pub mod plan;
pub mod problem;
pub mod responsible;
pub mod status;
pub mod window;
