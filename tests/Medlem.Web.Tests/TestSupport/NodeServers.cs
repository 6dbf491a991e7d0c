using System.Diagnostics;
using System.Text.Json;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// Starts the real servers of tests/servers (an SMTP server, an OpenID Connect provider) with
/// Node on 127.0.0.1. Installs their npm packages (package-lock.json, from the npm registry)
/// the first time. Without Node the tests that need them are skipped with the reason; under
/// CI=true that is a failure (.ci/run installs Node).
/// </summary>
public static class NodeServers
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder { get; } = FindFolder();

    /// <summary>Starts <paramref name="script"/> and reads the JSON line it prints when it listens.</summary>
    public static async Task<(Process Process, JsonElement Ready)> StartAsync(string script, params string[] arguments)
    {
        var node = Which("node");
        if (node is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true but Node is missing: the mail and electronic-ID tests must run in CI.");
            }

            Assert.Skip("Node.js not installed (apt-get install nodejs npm); .ci/run installs it. The test servers in tests/servers need it.");
        }

        await EnsurePackagesAsync();
        var start = new ProcessStartInfo(node, [script, .. arguments])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null)
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"{script} stopped before it listened: {error}");
        }

        return (process, JsonDocument.Parse(line).RootElement.Clone());
    }

    /// <summary>Closes the server's standard input (it exits on that), then makes sure it is gone.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static async Task EnsurePackagesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "smtp-server")) && Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")))
            {
                return;
            }

            var npm = Which("npm") ?? throw new InvalidOperationException("Node is installed but npm is not (apt-get install npm).");
            using var install = Process.Start(new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = install.StandardError.ReadToEndAsync();
            await install.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed: {await output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static string FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "servers");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/servers not found above " + AppContext.BaseDirectory);
    }
}
