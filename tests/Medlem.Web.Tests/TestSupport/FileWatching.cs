using System.Runtime.CompilerServices;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// Every test application watches its configuration files and wwwroot; with inotify, many
/// applications at once run into the kernel's limit of 128 watcher instances per user. Polling
/// (the .NET file providers' own switch) needs no inotify instance; the tests never change files.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
