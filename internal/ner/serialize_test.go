package ner

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sameModel reports how a and b differ, as loaded models: layers (bucket
// bits, transitions, scale, row index and rows), gazetteer and clusters.
func sameModel(t *testing.T, a, b *Model) {
	t.Helper()
	if (a.second == nil) != (b.second == nil) || a.joint != b.joint {
		t.Fatalf("layers: %v/%v joint %v/%v", a.second != nil, b.second != nil, a.joint, b.joint)
	}
	la, lb := []*weights{a.first, a.second}, []*weights{b.first, b.second}
	for i := range la {
		x, y := la[i], lb[i]
		if x == nil {
			continue
		}
		if x.bits != y.bits || x.trans != y.trans || x.scale != y.scale || x.stride != y.stride || x.off != y.off {
			t.Fatalf("layer %d: bits %d/%d scale %g/%g stride %d/%d off %d/%d, or transitions differ",
				i, x.bits, y.bits, x.scale, y.scale, x.stride, y.stride, x.off, y.off)
		}
		if !slices.Equal(x.idx, y.idx) || !slices.Equal(x.q, y.q) || !slices.Equal(x.rows, y.rows) {
			t.Fatalf("layer %d: rows differ", i)
		}
	}
	if !reflect.DeepEqual(a.gazMap(), b.gazMap()) {
		t.Fatal("gazetteers differ")
	}
	if !reflect.DeepEqual(a.clusMap(), b.clusMap()) {
		t.Fatal("clusters differ")
	}
}

// TestModelFormatsAgree writes the shipped model in the first format and
// reads it back with that format's reader: the same model as the second
// format's.
func TestModelFormatsAgree(t *testing.T) {
	m := Default()
	var b bytes.Buffer
	if _, err := m.writeV1(&b); err != nil {
		t.Fatal(err)
	}
	m1, err := ReadModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if m1.gaz == nil {
		t.Fatal("not read by the first format's reader")
	}
	sameModel(t, m, m1)
}

// TestShippedModelCurrent checks that the embedded model is in the current
// format and that writing it gives it back byte for byte.
func TestShippedModelCurrent(t *testing.T) {
	if !bytes.HasPrefix(modelBytes, []byte(magic)) {
		t.Fatal("model.bin is not in the current format: go generate ./internal/ner")
	}
	var b bytes.Buffer
	if _, err := Default().WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), modelBytes) {
		t.Fatalf("rewritten model differs from model.bin (%d vs %d bytes)", b.Len(), len(modelBytes))
	}
}

// TestReadModelDamaged feeds cut and altered copies of the shipped model to
// ReadModel: a cut one is an error, an altered one never a panic.
func TestReadModelDamaged(t *testing.T) {
	for _, n := range []int{0, 5, len(magic), len(magic) + 3, 1000, len(modelBytes) / 3, len(modelBytes) / 2, len(modelBytes) - 1} {
		if _, err := ReadModel(bytes.NewReader(modelBytes[:n])); err == nil {
			t.Errorf("model cut to %d bytes read without error", n)
		}
	}
	if _, err := ReadModel(bytes.NewReader(append(bytes.Clone(modelBytes), 0))); err == nil {
		t.Error("model with a trailing byte read without error")
	}
	// a table of 2^30 slots for one key: refused before it is allocated
	huge := append([]byte(magic), 30, 1, 0, 0, 1)
	huge = append(huge, make([]byte, 64)...)
	if _, err := ReadModel(bytes.NewReader(huge)); err == nil || !strings.Contains(err.Error(), "table") {
		t.Errorf("oversized table: %v", err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		b := bytes.Clone(modelBytes)
		for k := 0; k < 4; k++ {
			p := len(magic) + rng.IntN(len(b)-len(magic))
			b[p] ^= byte(1 + rng.IntN(255))
		}
		_, _ = ReadModel(bytes.NewReader(b)) // must not panic
	}
}

func TestZigzag(t *testing.T) {
	for _, x := range []int16{0, 1, -1, 63, -64, 64, -65, 32767, -32768} {
		if y := unzigzag(zigzag(x)); y != x {
			t.Errorf("%d -> %d -> %d", x, zigzag(x), y)
		}
	}
	if zigzag(-64) >= 128 || zigzag(63) >= 128 || zigzag(64) < 128 {
		t.Error("zigzag does not put -64..63 in one byte")
	}
}
