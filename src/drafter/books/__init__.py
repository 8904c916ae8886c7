"""関連書籍紹介 that really exist: candidates from the books agent, verified against catalogs."""
