package store

import (
	"context"
	"time"
)

// Leases is implemented by stores that several processes share (many
// workers, one server): it elects the single holder of a named duty — the
// corpus stage follows the stored articles in id order and must run in
// exactly one process at a time. A lease lapses when its holder stops
// renewing it (a killed process), so another takes the duty over within
// its ttl.
type Leases interface {
	// AcquireLease takes the named lease for holder, or renews it when
	// holder already has it, until now+ttl. It reports whether holder holds
	// the lease after the call; false, nil when another live holder has it.
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	// ReleaseLease gives the lease up if holder holds it.
	ReleaseLease(ctx context.Context, name, holder string) error
}
