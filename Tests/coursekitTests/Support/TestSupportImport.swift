/// Test helpers shared by both test targets (temporary folders, required tools).
@_exported import TestSupport
