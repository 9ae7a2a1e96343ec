using System.Runtime.Versioning;

// The package step's output is for Linux clouds; these tests check file modes and run unzip, so they run on Linux.
[assembly: SupportedOSPlatform("linux")]
