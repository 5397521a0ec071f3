"""What articles say and how they relate: quotes and speakers, mentions and entities, near-duplicate
copies, stories, distinctive terms."""
