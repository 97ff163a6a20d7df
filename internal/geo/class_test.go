package geo

import "testing"

func TestWrongKind(t *testing.T) {
	tests := []struct {
		key, fc string
		want    bool
	}{
		{"volga river", "LK", true},
		{"volga river", "STM", false},
		{"lake volta", "RSV", false},
		{"lake volta", "STM", true},
		{"ural mountains", "MTS", false},
		{"volga", "LK", false},        // no generic word
		{"red river", "PPL", false},   // a town is not a physical feature
		{"river oaks", "PPLX", false}, // nor a district
		{"rio grande", "STM", false},
		{"long island", "ISL", false},
	}
	for _, tt := range tests {
		if got := wrongKind(tt.key, tt.fc); got != tt.want {
			t.Errorf("wrongKind(%q, %s) = %v, want %v", tt.key, tt.fc, got, tt.want)
		}
	}
}
