.class public Lcom/google/android/gms/maps/MapView;
.super Ljava/lang/Object;
.source "MapView.java"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
