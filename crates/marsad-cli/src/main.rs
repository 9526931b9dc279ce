//! The `marsad` command line: [`args`] holds what clap reads, one module per command
//! runs it ([`analyze`], [`ingest`], [`export`], [`search`], [`train`], [`eval`]), [`batch`] analyses many articles and
//! [`io`] reads and writes files.

use std::process::ExitCode;

use clap::Parser;
use marsad_eval::eval::expressions::Layer;

mod analyze;
mod args;
mod batch;
mod eval;
mod eval_duplicates;
mod export;
mod ingest;
mod io;
mod search;
mod stories;
mod train;

use args::{Cli, Command, EvalCommand, TrainCommand};

/// glibc's malloc raises the size from which an allocation gets pages of its own to
/// the size of the largest such block freed so far (up to 32 MB). On a long article
/// that puts the later large layers and buffers (megabytes each) in the shared heap,
/// where growing one copies it and freeing one returns nothing to the system: a
/// fixed threshold keeps them apart, 11 MB (2.7 bytes per input byte) off the peak
/// of a 4 MB article. Articles of ordinary size allocate below it and see no change.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    /// Allocations from this size up get pages of their own from the system,
    /// returned to it when freed and grown in place.
    const OWN_PAGES_FROM: libc::c_int = 1 << 20;
    // SAFETY: mallopt only sets a parameter of the allocator; it is called first
    // thing in main, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
    }
}

fn main() -> ExitCode {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fix_mmap_threshold();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Export(args) => export::run(args),
        Command::Search(args) => search::run(args),
        Command::Index(args) => search::rebuild(args),
        Command::Stories(args) => stories::run(args),
        Command::Train(TrainCommand::Ner(args)) => train::train_ner(args),
        Command::Train(TrainCommand::Framing(args)) => train::train_framing(args),
        Command::Train(TrainCommand::Checkworthy(args)) => train::train_checkworthy(args),
        Command::Train(TrainCommand::Pos(args)) => train::train_pos(args),
        Command::Train(TrainCommand::Events(args)) => train::train_events(args),
        Command::Eval(EvalCommand::Pos(args)) => eval::eval_pos(args),
        Command::Eval(EvalCommand::Tone(args)) => eval::eval_tone(args),
        Command::Eval(EvalCommand::Duplicates(args)) => eval_duplicates::eval_duplicates(args),
        Command::Eval(EvalCommand::Framing(args)) => eval::eval_framing(args),
        Command::Eval(EvalCommand::Checkworthy(args)) => eval::eval_checkworthy(args),
        Command::Eval(EvalCommand::Ner(args)) => eval::eval_ner(args),
        Command::Eval(EvalCommand::Time(args)) => eval::eval_expressions(args, Layer::Time),
        Command::Eval(EvalCommand::Quantities(args)) => eval::eval_expressions(args, Layer::Quantities),
        Command::Eval(EvalCommand::Entities(args)) => eval::eval_entities(args),
        Command::Eval(EvalCommand::Links(args)) => eval::eval_links(args),
        Command::Eval(EvalCommand::Events(args)) => eval::eval_events_claims(args, "events"),
        Command::Eval(EvalCommand::Claims(args)) => eval::eval_events_claims(args, "claims"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
