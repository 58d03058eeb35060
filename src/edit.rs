//! Format-preserving writes of plan files (not yet implemented).
