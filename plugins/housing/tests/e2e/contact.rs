//! Written by its module's author.
