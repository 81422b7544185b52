"""Following a search: RSS and Atom feeds of any search, and e-mail alerts without an account
(double opt-in, daily or weekly digests of new lessons and stories, one-click unsubscribe)."""
