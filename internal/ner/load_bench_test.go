package ner

import (
	"bytes"
	"testing"
)

// BenchmarkLoad decodes the embedded model, as the first Default() of a
// process does (v2: the shipped file), and the same model in the first
// format (v1), side by side; cpu-ms/op is the process's CPU time:
//
//	go test ./internal/ner -run '^$' -bench Load -benchtime 20x
func BenchmarkLoad(b *testing.B) {
	var v1 bytes.Buffer
	if _, err := Default().writeV1(&v1); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"v2", modelBytes}, {"v1", v1.Bytes()}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := readModelBytes(c.data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuTime()-c0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}
