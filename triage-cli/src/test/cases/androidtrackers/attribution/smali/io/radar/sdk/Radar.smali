.class public Lio/radar/sdk/Radar;
.super Ljava/lang/Object;
.source "Radar.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
