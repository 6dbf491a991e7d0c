using Medlem.Core.Consortium;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>A fresh application with the two-library test consortium, and one signed-in staff member of Stavanger.</summary>
public abstract class ConsortiumTest(StaffRoles role) : IAsyncLifetime
{
    protected MedlemApplication App { get; } = new();

    protected TestConsortium Data { get; private set; } = null!;

    /// <summary>Signed in as the Stavanger staff member with the role given to the constructor.</summary>
    protected HttpClient Staff { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Data = await TestConsortium.SeedAsync(App);
        Staff = await StaffClient.LoginAsync(App, "stavanger", role);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
