{
  "algorithm": "ed25519",
  "keyId": "dev-only-sample",
  "signature": "3ErJGZbgTWqXnIh6dQRfdt1RDyg+qQ1E2m9rqQ/bm7SnejDO1NLm9Kmpv8O8boaEArZvXa2/DY8yKFVR/0I5BQ==",
  "size": 120090,
  "sha256": "dae59987a16af797d197bfc2292be10b6f61a477ced28f638b82fcc583bdc3b7"
}
