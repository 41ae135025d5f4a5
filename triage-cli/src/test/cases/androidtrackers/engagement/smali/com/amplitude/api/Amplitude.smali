.class public Lcom/amplitude/api/Amplitude;
.super Ljava/lang/Object;
.source "Amplitude.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
