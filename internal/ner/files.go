package ner

import (
	"path/filepath"

	"github.com/sitrep/sitrep/internal/eval/conll"
)

// Data file locations under the shared eval folder.
const (
	conllDir   = "ner-conll2003"
	wikiannDir = "ner-wikiann-en"
)

// LoadSplit reads a CoNLL-2003 split ("train", "dev" or "test") from the
// shared eval folder.
func LoadSplit(evalDir, split string) ([]conll.Document, error) {
	return conll.Read(filepath.Join(evalDir, conllDir, split+".txt"))
}

// Epoch counts of the shipped recipe. They are the best dev epochs of the
// tuning recipe (TuneTrainOptions: CoNLL train only, epochs chosen on dev),
// and are then reused unchanged when training on train+dev.
const (
	finalFirstEpochs  = 11 // tuning run: dev F1 0.9191 after epoch 11 of 14
	finalSecondEpochs = 3  // tuning run: dev F1 0.9240 after epoch 3 of 14
)

// TuneTrainOptions reads the data of the tuning recipe: CoNLL-2003 train
// (labels), dev (epoch selection, at most 14 per pass) and the WikiANN
// English train split (gazetteer of names). Every hyper-parameter of the
// shipped model was chosen with this recipe, on dev only.
func TuneTrainOptions(evalDir string, seed uint64) (TrainOptions, error) {
	tr, err := LoadSplit(evalDir, "train")
	if err != nil {
		return TrainOptions{}, err
	}
	dev, err := LoadSplit(evalDir, "dev")
	if err != nil {
		return TrainOptions{}, err
	}
	wiki, err := conll.Read(filepath.Join(evalDir, wikiannDir, "train.txt.gz"))
	if err != nil {
		return TrainOptions{}, err
	}
	unl, err := UnlabelledText(evalDir, tr, dev, wiki)
	if err != nil {
		return TrainOptions{}, err
	}
	clus := LearnClusters(unl, ClusterOptions{})
	return TrainOptions{
		Train: tr, Dev: dev, Gazettes: wiki, Clusters: clus,
		Bits: 20, Epochs: 14, Folds: 5, Seed: seed, CaseAugment: 8,
	}, nil
}

// DefaultTrainOptions is the recipe of the shipped model: the tuning recipe
// with dev moved into the training set (train+dev as labels, no epoch
// selection) and the epoch counts fixed to those dev chose in the tuning
// run. Dev scores of a model trained this way are training-set scores.
func DefaultTrainOptions(evalDir string, seed uint64) (TrainOptions, error) {
	o, err := TuneTrainOptions(evalDir, seed)
	if err != nil {
		return o, err
	}
	o.Train = append(append([]conll.Document(nil), o.Train...), o.Dev...)
	o.Dev = nil
	o.Epochs, o.SecondEpochs = finalFirstEpochs, finalSecondEpochs
	return o, nil
}
