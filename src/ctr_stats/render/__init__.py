"""Reports -> what people read: terminal tables, JSON, and (later) Excel, text, Markdown."""
