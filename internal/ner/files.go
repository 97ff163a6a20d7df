package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
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
	finalFirstEpochs  = 10 // tuning run: dev F1 0.9261 after epoch 10 of 14
	finalSecondEpochs = 14 // tuning run: dev F1 0.9311 after epoch 14 of 14
)

// TuneTrainOptions reads the data of the tuning recipe: CoNLL-2003 train
// (labels), dev (epoch selection, at most 14 per pass), the WikiANN English
// train split (gazetteer of names) and the lists and text of DefaultRecipe.
// Every hyper-parameter of the shipped model was chosen with this recipe,
// on dev only.
func TuneTrainOptions(evalDir string, seed uint64) (TrainOptions, error) {
	return TuneTrainOptionsRecipe(evalDir, seed, DefaultRecipe)
}

// Recipe holds the data choices of a training recipe.
type Recipe struct {
	// GeoIndex, when set, is the compiled geo index whose place names form
	// an extra gazetteer list (see LoadGeoNames).
	GeoIndex string
	Geo      GeoNameOptions
	// Phoenix adds the PETRARCH/Phoenix actor dictionaries of the PLOVER
	// eval folder as three lists (persons, organisations, places).
	Phoenix bool
	// ExtraText adds ExtraUnlabelledText to the word-cluster text.
	ExtraText bool
	// Members is TrainOptions.Members (perceptrons averaged per layer).
	Members int
}

// DefaultRecipe is the recipe of the shipped model (chosen on CoNLL dev):
// GeoNames places of package geo's index (GeoIndex is relative to the
// repository root, where `sitrep train ner` runs), the Phoenix actor
// lists and the extra cluster text.
var DefaultRecipe = Recipe{
	GeoIndex:  filepath.Join("internal", "geo", "data", "gazetteer.bin.gz"),
	Geo:       GeoNameOptions{MinPop: 15000, AltMinPop: 100000},
	Phoenix:   true,
	ExtraText: true,
	Members:   3,
}

// TuneTrainOptionsRecipe is TuneTrainOptions with the data choices of r.
func TuneTrainOptionsRecipe(evalDir string, seed uint64, r Recipe) (TrainOptions, error) {
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
	if r.ExtraText {
		more, err := ExtraUnlabelledText(evalDir)
		if err != nil {
			return TrainOptions{}, err
		}
		unl = append(unl, more...)
	}
	lists := make([][][]string, 4) // GeoNames, Phoenix PER, ORG, LOC
	var notes []string
	if r.GeoIndex != "" {
		names, err := LoadGeoNames(r.GeoIndex, r.Geo)
		if err != nil {
			return TrainOptions{}, err
		}
		lists[0] = names
		sum, err := fileSHA256(r.GeoIndex)
		if err != nil {
			return TrainOptions{}, err
		}
		notes = append(notes, fmt.Sprintf("geo index %s sha256 %s: %d names", r.GeoIndex, sum, len(names)))
	}
	if r.Phoenix {
		d := filepath.Join(evalDir, "events-plover", "dictionaries", "petrarch2")
		px, err := LoadPhoenixActors(filepath.Join(d, "Phoenix.Countries.actors.txt.gz"),
			filepath.Join(d, "Phoenix.International.actors.txt.gz"), filepath.Join(d, "Phoenix.MilNonState.actors.txt.gz"))
		if err != nil {
			return TrainOptions{}, err
		}
		lists[1], lists[2], lists[3] = px[PhoenixPER], px[PhoenixORG], px[PhoenixLOC]
		notes = append(notes, fmt.Sprintf("phoenix actors: %d persons, %d organisations, %d places",
			len(lists[1]), len(lists[2]), len(lists[3])))
	}
	clus := LearnClusters(unl, ClusterOptions{})
	return TrainOptions{
		Train: tr, Dev: dev, Gazettes: wiki, Lists: lists, Clusters: clus, Notes: notes,
		Bits: 20, Epochs: 14, Folds: 5, Seed: seed, CaseAugment: 8, Members: r.Members,
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

// fileSHA256 returns the hex SHA-256 of a file (logged with the model's
// inputs, since the shipped model depends on their exact content).
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
