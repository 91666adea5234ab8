package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"modernc.org/sqlite"

	"github.com/accordmea/accord"
)

// errPostgresBackup is what Backup and Restore say on PostgreSQL, whose
// own tools do the job.
var errPostgresBackup = fmt.Errorf("%w: the store is PostgreSQL: back it up with pg_dump and restore it with pg_restore (see the README)", accord.ErrInvalid)

// Backup writes a copy of the SQLite store to path, a file that must not
// exist. The copy is one read transaction's snapshot (VACUUM INTO), so it
// is consistent while other connections and processes write; it appears
// under path only once whole and synced.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect.name != "sqlite" {
		return errPostgresBackup
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%w: backup %s: the file exists; name another or remove it first", accord.ErrConflict, path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)
	// VACUUM INTO wants an empty or absent file: the empty temporary file
	// keeps the name ours until the copy is done.
	if _, err := s.read.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	f, err := os.Open(tmpName)
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	err = f.Sync()
	f.Close()
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	// A link, not a rename: a file someone made at path meanwhile is
	// not replaced.
	if err := os.Link(tmpName, path); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// storeTables are the tables that hold what people store: a store with a
// row in any of them is not empty. The bundled organizations and centres
// are not among them: every store holds them once opened.
var storeTables = []string{"sources", "decisions", "mandates", "actors", "users", "audit", "documents", "arrangements", "party_memberships", "focal_points", "coordinations"}

// Empty reports whether the store holds nothing people stored.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	for _, t := range storeTables {
		var n int
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+t+` LIMIT 1) x`).Scan(&n); err != nil {
			return false, fmt.Errorf("count %s: %w", t, err)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}

// CheckBackup checks that the file at path is an accord SQLite store
// whose schema version this accord knows, and says which version it is.
func CheckBackup(ctx context.Context, path string) (int, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%w: backup %s is not a file", accord.ErrInvalid, path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	defer db.Close()
	notStore := func(why string, args ...any) error {
		return fmt.Errorf("%w: %s is not an accord store: %s", accord.ErrInvalid, path, fmt.Sprintf(why, args...))
	}
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&check); err != nil {
		return 0, notStore("%v", err)
	}
	if check != "ok" {
		return 0, notStore("the SQLite file is damaged (%s)", check)
	}
	known, err := migrationVersions("sqlite")
	if err != nil {
		return 0, err
	}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return 0, notStore("it has no schema version (%v)", err)
	}
	defer rows.Close()
	version := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return 0, notStore("%v", err)
		}
		if !known[v] {
			return 0, fmt.Errorf("%w: %s has schema version %d, which this accord does not know (a newer accord made it?)", accord.ErrInvalid, path, v)
		}
		version = v
	}
	if err := rows.Err(); err != nil {
		return 0, notStore("%v", err)
	}
	if version == 0 {
		return 0, notStore("it has no schema version")
	}
	for _, t := range storeTables {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, t).Scan(&n); err != nil || n == 0 {
			return 0, notStore("it has no table %s", t)
		}
	}
	return version, nil
}

// migrationVersions returns the versions of the dialect's migrations.
func migrationVersions(dialect string) (map[int]bool, error) {
	entries, err := fs.ReadDir(migrations, "migrations/"+dialect)
	if err != nil {
		return nil, err
	}
	known := map[int]bool{}
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name does not start with a number", e.Name())
		}
		known[v] = true
	}
	return known, nil
}

// Restore replaces what the SQLite store holds with the backup at path,
// after CheckBackup accepts it. A store that is not Empty is replaced
// only when force is set. The copy goes through SQLite's backup API on
// the writer's connection, so no other connection sees half of it; then
// the schema is migrated to this accord's version and the restore is
// recorded in the audit log. Processes serving the store should be
// stopped first: they cache what they read.
func (s *Store) Restore(ctx context.Context, path string, force bool) error {
	if s.dialect.name != "sqlite" {
		return errPostgresBackup
	}
	version, err := CheckBackup(ctx, path)
	if err != nil {
		return err
	}
	empty, err := s.Empty(ctx)
	if err != nil {
		return err
	}
	if !empty && !force {
		return fmt.Errorf("%w: the store is not empty; give --force to replace what it holds with %s", accord.ErrConflict, path)
	}
	// The restored store's list version goes past this one's, so that
	// no process keeps what it read before as the restored lists
	// (listCache).
	var listVersion int64
	if err := s.read.QueryRowContext(ctx, `SELECT version FROM list_version WHERE id = 1`).Scan(&listVersion); err != nil {
		return fmt.Errorf("restore %s: read the list version: %w", path, err)
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return err
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver has no backup API")
		}
		b, err := r.NewRestore("file:" + path + "?mode=ro")
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		return errors.Join(err, b.Finish())
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	s.facetCache.mu.Lock()
	s.facetCache.sets = nil
	s.facetCache.mu.Unlock()
	s.forgetLists()
	if err := s.migrate(ctx); err != nil {
		return fmt.Errorf("restore %s: migrate: %w", path, err)
	}
	if err := s.loadOrganizations(ctx); err != nil {
		return fmt.Errorf("restore %s: load bundled organizations: %w", path, err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE list_version SET version = max(version, ?) + 1 WHERE id = 1`, listVersion); err != nil {
			return err
		}
		return s.audit(ctx, tx, "admin", "restore", "store", "", fmt.Sprintf(`{"from":%q,"schema_version":%d}`, filepath.Base(path), version))
	})
}
