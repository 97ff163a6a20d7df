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

// DefaultTrainOptions reads the training data the shipped model is built
// from: CoNLL-2003 train (labels), dev (epoch selection) and the WikiANN
// English train split (gazetteer of names).
func DefaultTrainOptions(evalDir string, seed uint64) (TrainOptions, error) {
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
