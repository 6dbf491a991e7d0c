using Microsoft.Playwright;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). Absent locally, browser tests
/// are skipped with the reason; under CI=true an absent browser fails them (.ci/run installs it).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {ExecutablePath} is missing: the browser tests must run in CI.");
            }

            Assert.Skip($"Chromium not installed at {ExecutablePath} (apt-get install chromium); .ci/run installs it.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
