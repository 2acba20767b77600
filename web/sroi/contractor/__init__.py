"""The contractor's view of its social-return obligations, for its contact persons' employer accounts."""
