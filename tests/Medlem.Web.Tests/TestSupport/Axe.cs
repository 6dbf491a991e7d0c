using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>axe-core on the page as it is now, with the WCAG 2.1 A and AA rules only.</summary>
public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var violations = result.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}").ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
