// Package fuzzcorpus keeps the seed corpora of sitrep's fuzz targets:
// files under a package's testdata/fuzz/<Target>/ in the format `go test`
// reads ("go test fuzz v1" and one typed literal per argument).
//
// Seeds are built by code (a valid input from the real encoder, edge and
// malformed variants of it) so they follow format changes: each package
// has a test that calls Sync, which fails when a committed file differs
// from what the code builds, and rewrites the files when run with
// SITREP_UPDATE_FUZZ_CORPUS=1. Files it did not write (inputs the fuzzer
// found and that were kept as regressions) are left alone.
package fuzzcorpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// UpdateEnv names the environment variable that makes Sync write files.
const UpdateEnv = "SITREP_UPDATE_FUZZ_CORPUS"

// Encode renders one corpus entry; args are []byte or string values, in
// the order of the fuzz function's parameters.
func Encode(args ...any) []byte {
	var b bytes.Buffer
	b.WriteString("go test fuzz v1\n")
	for _, a := range args {
		switch v := a.(type) {
		case []byte:
			fmt.Fprintf(&b, "[]byte(%s)\n", strconv.Quote(string(v)))
		case string:
			fmt.Fprintf(&b, "string(%s)\n", strconv.Quote(v))
		default:
			panic(fmt.Sprintf("fuzzcorpus: unsupported argument type %T", a))
		}
	}
	return b.Bytes()
}

// Sync checks (or, with SITREP_UPDATE_FUZZ_CORPUS=1, writes) the seed
// files of target in testdata/fuzz/<target>/ of the test's package: one
// file per seed, named by its key, holding Encode of its arguments. The
// check asks only that each file exists and is well formed, since some
// encoders (gob's maps) do not give the same bytes twice; a package
// checks what its valid seeds must still do with Load.
func Sync(t testing.TB, target string, seeds map[string][]any) {
	t.Helper()
	dir := filepath.Join("testdata", "fuzz", target)
	if os.Getenv(UpdateEnv) == "1" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	names := make([]string, 0, len(seeds))
	for name := range seeds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if os.Getenv(UpdateEnv) == "1" {
			if err := os.WriteFile(path, Encode(seeds[name]...), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := Load(target, name); err != nil {
			t.Errorf("%v (run the test with %s=1 to write the seeds)", err, UpdateEnv)
		}
	}
}

// Load reads the arguments of one corpus file of target, each a []byte or
// a string.
func Load(target, name string) ([]any, error) {
	path := filepath.Join("testdata", "fuzz", target, name)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("seed %s: %w", path, err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) < 2 || lines[0] != "go test fuzz v1" {
		return nil, fmt.Errorf("seed %s: not a Go fuzz corpus file", path)
	}
	var args []any
	for _, l := range lines[1:] {
		typ, lit, ok := strings.Cut(l, "(")
		if !ok || !strings.HasSuffix(lit, ")") {
			return nil, fmt.Errorf("seed %s: bad line %q", path, l)
		}
		v, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
		if err != nil {
			return nil, fmt.Errorf("seed %s: %q: %w", path, l, err)
		}
		switch typ {
		case "[]byte":
			args = append(args, []byte(v))
		case "string":
			args = append(args, v)
		default:
			return nil, fmt.Errorf("seed %s: unsupported type %s", path, typ)
		}
	}
	return args, nil
}
