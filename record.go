package accord

// ImportCounts says what storing a batch of registry records did: how
// many records were new, how many changed and how many were already
// stored as given. Importing the same file twice adds and updates
// nothing the second time.
type ImportCounts struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}
