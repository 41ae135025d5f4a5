.class public Lcom/unity3d/player/UnityPlayer;
.super Ljava/lang/Object;
.source "UnityPlayer.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
