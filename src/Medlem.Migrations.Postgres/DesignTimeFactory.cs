using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medlem.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres; never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MedlemDbContext>
{
    public MedlemDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MedlemDbContext>()
            .UseNpgsql("Host=localhost;Database=medlem_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new MedlemDbContext(options, new NoDataProtector());
    }

    /// <summary>Migrations move schema, never data, so nothing is ever encrypted at design time.</summary>
    private sealed class NoDataProtector : IPersonalDataProtector
    {
        public string Protect(string plaintext) => throw new NotSupportedException("No encryption at design time.");

        public string Unprotect(string ciphertext) => throw new NotSupportedException("No decryption at design time.");
    }
}
