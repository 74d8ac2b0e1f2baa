//! The workspace's one integration-test binary: a module per area.

mod annual;
mod cli;
mod commitment;
mod compare;
mod conclusions;
mod consolidated;
mod crash;
mod culture;
mod e2e;
mod hostile;
mod network;
mod network_attack;
mod ops;
mod properties;
mod report;
mod satisfaction;
mod store;
mod template;
mod typesetting;
mod verdicts;
mod verify;
mod workflow;
