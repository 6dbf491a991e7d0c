using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Medlem.Core.Consortium;
using Medlem.Core.Members;

namespace Medlem.Core.Activity;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.Property(r => r.Channel).HasMaxLength(16);
        run.Property(r => r.FileName).HasMaxLength(260);
        run.Property(r => r.FileHash).HasMaxLength(64);
        run.Property(r => r.IdempotencyKey).HasMaxLength(100);
        run.Property(r => r.RunBy).HasMaxLength(100);
        run.Property(r => r.Failure).HasMaxLength(500);
        run.HasOne<Library>().WithMany().HasForeignKey(r => r.LibraryId);
        run.HasIndex(r => new { r.LibraryId, r.StartedAt });
        run.HasIndex(r => new { r.LibraryId, r.Kind, r.FileHash });
        run.HasIndex(r => new { r.LibraryId, r.IdempotencyKey }).IsUnique();
        run.HasMany(r => r.Errors).WithOne().HasForeignKey(e => e.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> error)
    {
        error.Property(e => e.Column).HasMaxLength(100);
        error.Property(e => e.Value).HasMaxLength(200);
        error.Property(e => e.Reason).HasMaxLength(60);
    }
}

internal sealed class SourceIdentityConfiguration : IEntityTypeConfiguration<SourceIdentity>
{
    public void Configure(EntityTypeBuilder<SourceIdentity> identity)
    {
        identity.Property(i => i.ExternalId).HasMaxLength(100);
        identity.HasOne<Membership>().WithMany().HasForeignKey(i => i.MembershipId).OnDelete(DeleteBehavior.Cascade);
        identity.HasOne<Library>().WithMany().HasForeignKey(i => i.LibraryId);
        identity.HasIndex(i => new { i.LibraryId, i.System, i.ExternalId }).IsUnique();
    }
}

internal sealed class StatisticsKeyConfiguration : IEntityTypeConfiguration<StatisticsKey>
{
    public void Configure(EntityTypeBuilder<StatisticsKey> key)
    {
        key.Property(k => k.Purpose).HasMaxLength(16);
        key.Property(k => k.Period).HasMaxLength(7);
        key.HasIndex(k => new { k.Purpose, k.Period }).IsUnique();
    }
}

internal sealed class ActivitySourceConfiguration : IEntityTypeConfiguration<ActivitySource>
{
    public void Configure(EntityTypeBuilder<ActivitySource> source)
    {
        source.Property(s => s.Name).HasMaxLength(100);
        source.Property(s => s.KeyPrefix).HasMaxLength(12);
        source.Property(s => s.KeyHash).HasMaxLength(64);
        source.Property(s => s.CreatedBy).HasMaxLength(100);
        source.HasOne<Library>().WithMany().HasForeignKey(s => s.LibraryId);
        source.HasIndex(s => s.KeyPrefix).IsUnique();
    }
}
