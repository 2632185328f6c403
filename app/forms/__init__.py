"""WTForms input adapters: field validation only."""
