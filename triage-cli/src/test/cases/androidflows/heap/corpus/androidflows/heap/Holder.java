package corpus.androidflows.heap;

/** An object that holds another one (an access path two fields long). */
final class Holder {
    Visit visit;
    String note;
}
