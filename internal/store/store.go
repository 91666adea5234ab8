// Package store keeps accord's decisions in a SQL database: SQLite, the
// embedded default, in one file created on first use; or PostgreSQL, for
// deployments at scale. Both run the same SQL but for the few dialect
// differences kept in sqlite.go and postgres.go, and the same conformance
// suite (internal/storetest) holds them to the same behaviour.
//
// It implements accord.Store and must not import net/http or the parser.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/accordmea/accord"
)

//go:embed migrations
var migrations embed.FS

// Store is an accord.Store on SQLite or PostgreSQL.
type Store struct {
	write *sql.DB // one connection on SQLite: SQLite has one writer
	read  *sql.DB // a pool of readers; the same pool as write on PostgreSQL
	// sets stores facet sets outside the transactions that need them
	// (see facetSetIDs): a small pool of its own on PostgreSQL, so that a
	// transaction waiting for it never waits for a connection that
	// another transaction holds; nil on SQLite.
	sets    *sql.DB
	dialect dialect

	facetCache facetSetCache
	lists      listCache
	// instrumentsSeen is the stamp of the instruments last installed
	// (see refreshInstruments).
	instrumentsSeen struct {
		sync.Mutex
		stamp string
	}
}

// listCache keeps what every page of the lists shows beside its rows (the
// board's choices, the counts of decisions, the meetings decisions were
// adopted at and those held by a day) until a write changes what it was
// read from. Every transaction that changes decisions, mandates, whom
// mandates ask or meetings adds one to the version in the table
// list_version, numbered in the order the transactions commit, on
// PostgreSQL too (migration 023): reading that one row tells whether
// what is kept is still what the tables hold, whichever process wrote.
type listCache struct {
	mu      sync.Mutex
	version int64          // the list version when they were read
	values  map[string]any // by what they are (see cached)
}

// listCacheMax bounds how many values the listCache holds: the meetings
// held by a day are kept for each day asked about.
const listCacheMax = 64

// cached returns what read reads, from the listCache under key when it
// holds it as of the last write. What it returns is shared: callers copy
// what they change.
func cached[T any](ctx context.Context, s *Store, key string, read func(context.Context) (T, error)) (T, error) {
	// The version is read before the values: a write that commits in
	// between makes what is kept newer than its version says, never
	// older, and the next page reads it again.
	var version int64
	if err := s.read.QueryRowContext(ctx, `SELECT version FROM list_version WHERE id = 1`).Scan(&version); err != nil {
		var zero T
		return zero, fmt.Errorf("read the list version: %w", err)
	}
	l := &s.lists
	l.mu.Lock()
	if v, ok := l.values[key]; ok && l.version == version {
		l.mu.Unlock()
		return v.(T), nil
	}
	l.mu.Unlock()
	v, err := read(ctx)
	if err != nil {
		return v, err
	}
	l.mu.Lock()
	if version > l.version || l.values == nil || len(l.values) >= listCacheMax {
		l.version, l.values = version, map[string]any{}
	}
	if version == l.version { // not when another kept newer values meanwhile
		l.values[key] = v
	}
	l.mu.Unlock()
	return v, nil
}

// forgetLists empties the listCache, for a store replaced whole.
func (s *Store) forgetLists() {
	s.lists.mu.Lock()
	s.lists.version, s.lists.values = 0, nil
	s.lists.mu.Unlock()
}

var _ accord.Store = (*Store)(nil)

// dialect is what differs between the two databases.
type dialect struct {
	name string // "sqlite" or "postgres"
	// rebind turns the "?" placeholders of a query into the database's.
	rebind func(string) string
	// now is the current time as the database stores timestamps.
	now func() any
	// transient says why err is a failure of a transaction that running
	// it again may avoid (a deadlock, a serialization failure, a lock not
	// granted in time); "" when it is not one.
	transient func(err error) string
	// attempts is how many times inTx runs a transaction that fails so.
	attempts int
	// lockSuffix locks the rows a SELECT reads until the transaction
	// ends: " FOR UPDATE" on PostgreSQL; "" on SQLite, whose one writer
	// holds the whole database.
	lockSuffix string
}

// Open opens the store at dsn: a postgres:// or postgresql:// URL opens
// PostgreSQL; anything else is a SQLite file path, created when missing.
// The schema is migrated to the latest version and the bundled records
// are loaded.
func Open(ctx context.Context, dsn string) (*Store, error) {
	var (
		s   *Store
		err error
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err = openPostgres(ctx, dsn)
	} else {
		s, err = openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate %s: %w", s.dialect.name, err)
	}
	if err := s.loadBundled(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("load the bundled records: %w", err)
	}
	if err := s.useInstruments(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.loadOrganizations(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("load bundled organizations: %w", err)
	}
	if err := s.loadBundledCentres(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("load the bundled centres: %w", err)
	}
	return s, nil
}

// Close closes the store's connections.
func (s *Store) Close() error {
	err := s.write.Close()
	if s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	if s.sets != nil {
		err = errors.Join(err, s.sets.Close())
	}
	return err
}

// Dialect names the database: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.name }

func (s *Store) q(query string) string { return s.dialect.rebind(query) }

// inTx runs fn in one transaction on the writer, committing when fn
// returns nil and rolling back otherwise.
//
// A transaction the database gives up on because of others running at the
// same time (see dialect.transient) is run again from the start, up to
// dialect.attempts times in all, after a pause that grows and is jittered
// so that the writers that collided do not collide again: fn must set
// everything it reports afresh on each run. When every run fails so, the
// error wraps accord.ErrBusy and says to try again.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.runTx(ctx, fn)
		why := ""
		if err != nil {
			why = s.dialect.transient(err)
		}
		if why == "" {
			return err
		}
		if attempt >= s.dialect.attempts {
			if attempt > 1 {
				why += fmt.Sprintf(" (%d times in a row)", attempt)
			}
			return fmt.Errorf("%w: %s; nothing was changed: try again in a moment", accord.ErrBusy, why)
		}
		t := time.NewTimer(retryPause(attempt))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (s *Store) runTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// retryPause is how long to wait before running a transaction again after
// attempt runs failed: 10 ms doubled at each failure, up to 320 ms, each
// time drawn at random between half and one and a half times that.
func retryPause(attempt int) time.Duration {
	base := 10 * time.Millisecond << min(attempt-1, 5)
	return base/2 + rand.N(base)
}

// lockKeys takes, on PostgreSQL, a transaction-level advisory lock for
// each key, in the order of their hashes, so that two transactions that
// need some of the same keys wait for each other at the start instead of
// each holding what the other needs. SQLite has a single writer and needs
// none.
func (s *Store) lockKeys(ctx context.Context, tx *sql.Tx, keys ...string) error {
	if s.dialect.name != "postgres" {
		return nil
	}
	hs := make([]int64, 0, len(keys))
	for _, k := range keys {
		h := fnv.New64a()
		h.Write([]byte(k))
		hs = append(hs, int64(h.Sum64()))
	}
	slices.Sort(hs)
	for _, h := range slices.Compact(hs) {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, h); err != nil {
			return err
		}
	}
	return nil
}

// migrate applies the embedded migrations of the dialect not yet applied,
// each in its own transaction, in order.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, 0) }

// migrateTo is migrate up to version last (all when last is 0), so that
// a test can make a store as an older accord left it.
func (s *Store) migrateTo(ctx context.Context, last int) error {
	dir := "migrations/" + s.dialect.name
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	names := map[int]string{}
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name does not start with a number", e.Name())
		}
		// Two migrations of one number: the second would be taken for
		// applied and never run.
		if other, ok := names[v]; ok {
			return fmt.Errorf("migrations %s and %s share the number %d", other, e.Name(), v)
		}
		names[v] = e.Name()
		body, err := fs.ReadFile(migrations, dir+"/"+e.Name())
		if err != nil {
			return err
		}
		if last > 0 && v > last {
			break
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			// Several processes may start against one PostgreSQL
			// schema at once: one migrates, the others wait, however
			// short a lock_timeout their connections carry (it is
			// meant for the writes they serve, not for starting).
			// The lock is the schema's: stores in other schemas of
			// the database migrate without waiting for this one.
			if s.dialect.name == "postgres" {
				if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = 0`); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(727274, hashtext(current_schema()))`); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), v).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, stmt := range splitStatements(string(body)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", e.Name(), err)
				}
			}
			if step := migrationSteps[v]; step != nil {
				if err := step(s, ctx, tx); err != nil {
					return fmt.Errorf("%s: %w", e.Name(), err)
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), v)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// list runs a query for a list, limited to limit rows when limit > 0,
// and reads each row with scan.
func list[T any](ctx context.Context, s *Store, query string, args []any, limit int, scan func(*sql.Rows) (T, error)) ([]T, error) {
	return listFrom(ctx, s, query, args, limit, 0, scan)
}

// listFrom is list without the first offset rows.
func listFrom[T any](ctx context.Context, s *Store, query string, args []any, limit, offset int, scan func(*sql.Rows) (T, error)) ([]T, error) {
	return listOn(ctx, s, s.read, query, args, limit, offset, scan)
}

// querier is a pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// walkIDs reads the ids of a page of a list, as listFrom: when walk is
// set, by one walk of the index of the list's order. SQLite is told which
// index by the query (INDEXED BY); PostgreSQL, whose planner gives a
// seq scan and a sort of the whole table a cost below the walk's when it
// has no statistics (or a page is far down), in a read-only transaction
// that tells its planner to walk an index in order rather than sort.
func (s *Store) walkIDs(ctx context.Context, query string, args []any, limit, offset int, walk bool) ([]int64, error) {
	scan := func(rows *sql.Rows) (int64, error) {
		var id int64
		return id, rows.Scan(&id)
	}
	if !walk || s.dialect.name != "postgres" {
		return listFrom(ctx, s, query, args, limit, offset, scan)
	}
	tx, err := s.walkTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return listOn(ctx, s, tx, query, args, limit, offset, scan)
}

// walkTx begins the read-only transaction on PostgreSQL in which
// walkIDs reads a page: its planner neither sorts (whole, or the rows of
// each value of an index's first column) nor scans a table whole while
// an index gives the order, nor splits the walk among parallel workers,
// which would read the same rows and merge them again for one page,
// taking cores other pages need.
func (s *Store) walkTx(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
		set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// listOn is listFrom on q.
func listOn[T any](ctx context.Context, s *Store, q querier, query string, args []any, limit, offset int, scan func(*sql.Rows) (T, error)) ([]T, error) {
	switch {
	case offset > 0 && limit > 0:
		query += ` LIMIT ? OFFSET ?`
		args = append(args, limit, offset)
	case offset > 0:
		// SQLite takes OFFSET only after a LIMIT, where -1 is none.
		noLimit := "-1"
		if s.dialect.name == "postgres" {
			noLimit = "ALL"
		}
		query += ` LIMIT ` + noLimit + ` OFFSET ?`
		args = append(args, offset)
	case limit > 0:
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := q.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// rowsByID reads the rows of ids, in their order, with query, which
// ends with "IN " and is given the list of ids (idChunk of them at a
// time); id says which row a value is.
func rowsByID[T any](ctx context.Context, s *Store, ids []int64, query string, scan func(*sql.Rows) (T, error), id func(T) int64) ([]T, error) {
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	out := make([]T, 0, len(ids))
	for start := 0; start < len(ids); start += idChunk {
		chunk := ids[start:min(len(ids), start+idChunk)]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		vs, err := list(ctx, s, query+`(`+marks(len(chunk))+`)`, args, 0, scan)
		if err != nil {
			return nil, err
		}
		slices.SortFunc(vs, func(a, b T) int { return at[id(a)] - at[id(b)] })
		out = append(out, vs...)
	}
	return out, nil
}

// idChunk is how many rows rowsByID reads in one query: well under the
// limit of SQLite's parameters.
const idChunk = 500

// queryIDs returns the ids a query selects.
func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// migrationSteps are what migrations do that SQL alone does not, run
// after the migration's SQL in its transaction.
var migrationSteps = map[int]func(*Store, context.Context, *sql.Tx) error{
	9:  (*Store).backfillFacets,
	16: (*Store).backfillContentHashes,
	20: (*Store).backfillCitationKeys,
}

// splitStatements splits a migration file at the semicolons that end its
// statements; a trigger's BEGIN … END; is one statement. Migrations hold no
// semicolons inside strings.
func splitStatements(sqlText string) []string {
	var out []string
	var cur []string
	inBody := false
	for _, l := range strings.Split(sqlText, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur = append(cur, l)
		upper := strings.ToUpper(t)
		switch {
		case !inBody && strings.HasSuffix(upper, "BEGIN"):
			inBody = true
		case inBody && upper == "END;":
			inBody = false
			fallthrough
		case !inBody && strings.HasSuffix(t, ";"):
			st := strings.TrimSpace(strings.Join(cur, "\n"))
			if !strings.HasSuffix(strings.ToUpper(st), "END;") {
				st = strings.TrimSuffix(st, ";")
			}
			out = append(out, st)
			cur = nil
		}
	}
	if st := strings.TrimSpace(strings.Join(cur, "\n")); st != "" {
		out = append(out, strings.TrimSuffix(st, ";"))
	}
	return out
}

// rebindDollar turns "?" placeholders into "$1", "$2", ….
func rebindDollar(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// timeValue scans a timestamp stored as time (PostgreSQL) or RFC 3339
// text (SQLite).
type timeValue struct{ t *time.Time }

func (v timeValue) Scan(src any) error {
	switch x := src.(type) {
	case time.Time:
		*v.t = x
	case string:
		return v.parse(x)
	case []byte:
		return v.parse(string(x))
	case nil:
		*v.t = time.Time{}
	default:
		return fmt.Errorf("timestamp: unexpected %T", src)
	}
	return nil
}

func (v timeValue) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q: %w", s, err)
	}
	*v.t = t
	return nil
}

// marks is n placeholders separated by commas, for IN (…).
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
