//! Parts of speech on UD Arabic-PADT dev, as `marsad eval pos` scores it. Needs the
//! treebank in `../shared/` beside the repository; skipped with a message when it is
//! absent.

use marsad::Pipeline;
use marsad_eval::eval::guard::Guard;
use marsad_eval::eval::pos::{evaluate, read};

#[test]
fn parts_of_speech_stay_above_their_floors() {
    let Some(dev_path) = marsad_core::data::shared_path("data/pos/padt/dev.txt") else { return };
    let Some(train_path) = marsad_core::data::shared_path("data/pos/padt/train.txt") else { return };
    let dev = read(&dev_path).expect("the dev file reads");
    let train = read(&train_path).expect("the train file reads");
    let scores = evaluate(&dev, Some(&train), &Pipeline::new());
    eprintln!("{}", scores.report());
    assert!(scores.pieces >= 30_000, "the development set shrank");
    // floors a couple of points under the measured figures (docs/pos.md), each above
    // the best trivial baseline: the most frequent tag of each piece in train
    let best = scores.baselines.best("accuracy").map(|(n, v)| (n.to_owned(), v)).expect("baselines");
    let mut guard = Guard::new();
    guard.floor("UPOS accuracy (own pieces)", scores.accuracy(), 94.0, Some((&best.0, best.1)));
    guard.floor("UPOS accuracy (marsad's segmentation)", scores.marsad_accuracy(), 89.0, None);
    guard.floor("clitic split points F1", scores.splits.f1(), 88.0, None);
    guard.finish();
}
